using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Requisites.FieldTypes;

/// <summary>A list of bank accounts (<see cref="BankAccountFieldType"/> each), as a company holds them.</summary>
internal sealed class BankAccountsFieldType : FieldType
{
    /// <summary>The most accounts one field holds.</summary>
    public const int MaxAccounts = 50;

    /// <summary>Creates the field type.</summary>
    public BankAccountsFieldType()
        : base(new FieldTypeDescriptor(
            RequisitesFieldTypes.BankAccounts,
            FieldValueKind.Json,
            new JsonObject { ["type"] = "array", ["maxItems"] = MaxAccounts, ["items"] = BankAccountValue.Schema() },
            LocalizedText.Of("Bank accounts", "Банковские счета")))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Value is not JsonArray accounts)
        {
            return;
        }

        var errors = new List<CrmError>();
        for (var i = 0; i < accounts.Count; i++)
        {
            BankAccountValue.Normalize(accounts[i], context.Pointer + "/" + i.ToString(CultureInfo.InvariantCulture), errors);
        }

        BankAccountFieldType.Report(context, errors);
    }
}
