using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Tests.Query;

/// <summary>A "deal" entity with a field of every kind, built with the SDK constructors.</summary>
internal static class QueryFixtures
{
    public static readonly CultureInfo English = new("en");

    public static readonly CultureInfo Russian = new("ru");

    public static EntityDefinition Deal { get; } = new(
        "deal",
        3,
        LocalizedText.Of("Deal", "Сделка"),
        [
            System(SystemFields.Id, "string"),
            System(SystemFields.CreatedAt, "datetime"),
            System(SystemFields.CreatedBy, "string"),
            System(SystemFields.UpdatedAt, "datetime"),
            System(SystemFields.UpdatedBy, "string"),
            System(SystemFields.OwnerId, "string"),
            System(SystemFields.Version, "integer"),
            System(SystemFields.DeletedAt, "datetime"),
            Field("name", BuiltInFieldTypes.String),
            Field("notes", BuiltInFieldTypes.Text),
            Field("stage", BuiltInFieldTypes.Enum, ["open", "won", "lost", "it's"]),
            Field("amount", BuiltInFieldTypes.Money),
            Field("probability", BuiltInFieldTypes.Decimal),
            Field("quantity", BuiltInFieldTypes.Integer),
            Field("active", BuiltInFieldTypes.Boolean),
            Field("close_date", BuiltInFieldTypes.Date),
            Field("due_at", BuiltInFieldTypes.DateTime),
            Field("company_id", BuiltInFieldTypes.Lookup),
            Field("tags", BuiltInFieldTypes.MultiEnum, ["vip", "new"]),
            Field("labels", BuiltInFieldTypes.MultiEnum),
            Field("extra", BuiltInFieldTypes.Json),
            Field("not", BuiltInFieldTypes.String),
            Field("contains", BuiltInFieldTypes.String),
        ],
        new JsonObject());

    public static FieldValueKind KindOf(FieldDefinition field) => field.Type switch
    {
        BuiltInFieldTypes.Integer => FieldValueKind.Integer,
        BuiltInFieldTypes.Decimal => FieldValueKind.Decimal,
        BuiltInFieldTypes.Money => FieldValueKind.Money,
        BuiltInFieldTypes.Boolean => FieldValueKind.Boolean,
        BuiltInFieldTypes.Date => FieldValueKind.Date,
        BuiltInFieldTypes.DateTime => FieldValueKind.DateTime,
        BuiltInFieldTypes.Lookup => FieldValueKind.Reference,
        BuiltInFieldTypes.MultiEnum => FieldValueKind.TextArray,
        BuiltInFieldTypes.Json => FieldValueKind.Json,
        _ => FieldValueKind.Text,
    };

    /// <summary>Checks the shape every query error shares and returns the English message.</summary>
    public static string ShouldBeQueryError(this CrmException exception, string code, string pointer)
    {
        exception.Kind.ShouldBe(CrmErrorKind.BadRequest);
        exception.Code.ShouldBe(code);
        exception.Errors.Count.ShouldBe(1);
        exception.Errors[0].Code.ShouldBe(code);
        exception.Errors[0].Pointer.ShouldBe(pointer);
        exception.Title.Get(English).ShouldNotBeNullOrWhiteSpace();
        exception.Title.Get(Russian).ShouldNotBe(exception.Title.Get(English));
        var russian = exception.Errors[0].Message.Get(Russian);
        var english = exception.Errors[0].Message.Get(English);
        russian.ShouldNotBe(english);
        english.ShouldNotContain("{0}");
        russian.ShouldNotContain("{0}");
        return english;
    }

    private static FieldDefinition Field(string name, string type, IReadOnlyList<string>? options = null) =>
        new(name, type, new JsonObject(), LocalizedText.Of(name), required: false) { Options = options ?? [] };

    private static FieldDefinition System(string name, string type) =>
        new(name, type, new JsonObject(), LocalizedText.Of(name), required: false) { IsSystem = true };
}
