using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Requisites.Identifiers;
using CrmKit.Sdk.Errors;

namespace CrmKit.Plugins.Requisites.FieldTypes;

/// <summary>
/// One bank account as stored: <c>{"bik", "account", "correspondent_account"?, "bank_name"?}</c>. The BIK is checked,
/// the settlement account and the correspondent account each against the BIK with its own key prefix.
/// </summary>
internal static class BankAccountValue
{
    public const string Bik = "bik";
    public const string Account = "account";
    public const string CorrespondentAccount = "correspondent_account";
    public const string BankName = "bank_name";

    /// <summary>The JSON Schema of one account.</summary>
    public static JsonObject Schema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            [Bik] = new JsonObject { ["type"] = "string", ["maxLength"] = 32 },
            [Account] = new JsonObject { ["type"] = "string", ["maxLength"] = 40 },
            [CorrespondentAccount] = new JsonObject { ["type"] = "string", ["maxLength"] = 40 },
            [BankName] = new JsonObject { ["type"] = "string", ["maxLength"] = 500 },
        },
        ["required"] = new JsonArray(Bik, Account),
        ["additionalProperties"] = false,
    };

    /// <summary>Compacts the identifiers of one account object in place and reports what is wrong with them.</summary>
    /// <param name="account">The account object (other shapes are left to the schema).</param>
    /// <param name="pointer">The object's JSON pointer.</param>
    /// <param name="errors">Where refusals go.</param>
    public static void Normalize(JsonNode? account, string pointer, List<CrmError> errors)
    {
        if (account is not JsonObject value)
        {
            return;
        }

        var bik = Compact(value, Bik);
        var number = Compact(value, Account);
        var correspondent = Compact(value, CorrespondentAccount);
        var bikError = bik is null ? IdentifierError.None : RussianIdentifiers.CheckBik(bik);
        if (bikError != IdentifierError.None)
        {
            errors.Add(IdentifierErrors.ToError(IdentifierKind.Bik, bikError, pointer + "/" + Bik));
        }

        // An account is checked against a usable BIK only: a wrong BIK is reported once, above.
        var bikUsable = bik is not null && bikError == IdentifierError.None;
        Check(bik, number, bikUsable, BankAccountKind.Settlement, IdentifierKind.SettlementAccount, pointer + "/" + Account, errors);
        Check(bik, correspondent, bikUsable, BankAccountKind.Correspondent, IdentifierKind.CorrespondentAccount, pointer + "/" + CorrespondentAccount, errors);
    }

    private static void Check(string? bik, string? account, bool bikUsable, BankAccountKind kind, IdentifierKind identifier, string pointer, List<CrmError> errors)
    {
        if (account is null)
        {
            return;
        }

        var error = RussianIdentifiers.CheckAccount(bikUsable ? bik : "", account, kind);
        if (error != IdentifierError.None)
        {
            errors.Add(IdentifierErrors.ToError(identifier, error, pointer));
        }
    }

    private static string? Compact(JsonObject value, string member)
    {
        if (value[member] is not JsonValue node || node.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = node.GetValue<string>();
        var compact = IdentifierText.Compact(text);
        if (!ReferenceEquals(compact, text))
        {
            value[member] = compact;
        }

        return compact;
    }
}
