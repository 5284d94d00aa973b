using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Benchmarks.Data;

/// <summary>
/// The benchmark's contact entity: seven fields as in the standard model's contact (first/last name, e-mail, phone,
/// job title, birthday, source) created with <see cref="IMetadataService.CreateEntityAsync"/>, plus five custom
/// fields added at run time with <see cref="IMetadataService.AddFieldAsync"/>. Twelve fields, three indexed: email,
/// phone and the custom referral_code the query benchmark looks up.
/// </summary>
/// <remarks>
/// The standard model is switched off in the benchmark host: its contact carries four indexed fields plus a lookup
/// (last_name, email, phone, company), and the issue asks for exactly three indexes.
/// </remarks>
internal static class ContactSchema
{
    public const string Entity = "contact";

    public const string QueryField = "referral_code";

    /// <summary>The names of the indexes the SQLite store creates for this entity.</summary>
    public static readonly IReadOnlyList<string> IndexNames = ["ix_contact__email", "ix_contact__phone", "ix_contact__referral_code"];

    public static readonly CrmPrincipal Principal = new("bench", "Benchmark", ["administrator"], CrmChannel.Rest);

    /// <summary>The entity document with the seven standard-model fields.</summary>
    public static JsonObject BaseDocument() => new()
    {
        ["x-crm-entity"] = Entity,
        ["x-crm-labels"] = Labels("Contact", "Контакт"),
        ["properties"] = new JsonObject
        {
            ["first_name"] = Field("string", "First name", "Имя", new() { ["maxLength"] = 100 }),
            ["last_name"] = Field("string", "Last name", "Фамилия", new() { ["maxLength"] = 100 }),
            ["email"] = Field("email", "E-mail", "Электронная почта", new() { ["x-crm-indexed"] = true }),
            ["phone"] = Field("phone", "Phone", "Телефон", new() { ["x-crm-indexed"] = true }),
            ["position"] = Field("string", "Job title", "Должность", new() { ["maxLength"] = 200 }),
            ["birthday"] = Field("date", "Birthday", "День рождения", []),
            ["source"] = Field("enum", "Source", "Источник", new()
            {
                ["enum"] = new JsonArray("website", "telegram", "vk", "referral", "cold_call", "other"),
            }),
        },
        ["required"] = new JsonArray("first_name", "email"),
    };

    /// <summary>The five custom fields, added one by one at run time.</summary>
    public static IReadOnlyList<(string Name, JsonObject Schema)> CustomFields() =>
    [
        (QueryField, Field("string", "Referral code", "Реферальный код", new()
        {
            ["pattern"] = "^R-[0-9]{6}$",
            ["maxLength"] = 8,
            ["x-crm-indexed"] = true,
        })),
        ("credit_limit", Field("money", "Credit limit", "Кредитный лимит", [])),
        ("discount", Field("decimal", "Discount, %", "Скидка, %", new() { ["minimum"] = 0, ["maximum"] = 50 })),
        ("loyalty_points", Field("integer", "Loyalty points", "Бонусные баллы", new() { ["minimum"] = 0, ["maximum"] = 10_000_000 })),
        ("subscribed", Field("boolean", "Subscribed", "Подписан на рассылку", [])),
    ];

    /// <summary>Creates the entity and its custom fields through the metadata service.</summary>
    public static async Task CreateAsync(IMetadataService metadata)
    {
        await metadata.CreateEntityAsync(Principal, BaseDocument());
        foreach (var (name, schema) in CustomFields())
        {
            await metadata.AddFieldAsync(Principal, Entity, name, new FieldChangeRequest { Schema = schema });
        }
    }

    private static JsonObject Field(string type, string en, string ru, JsonObject extra)
    {
        var field = new JsonObject { ["x-crm-type"] = type, ["x-crm-labels"] = Labels(en, ru) };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            field[key] = value;
        }

        return field;
    }

    private static JsonObject Labels(string en, string ru) => new() { ["en"] = en, ["ru"] = ru };
}
