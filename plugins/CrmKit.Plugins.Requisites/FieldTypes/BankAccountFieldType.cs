using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Requisites.FieldTypes;

/// <summary>
/// A bank account checked together with its bank's BIK: <c>{"bik": "044525225", "account": "40702810399994349242",
/// "correspondent_account": "30101810400000000225", "bank_name": "ПАО Сбербанк"}</c>.
/// </summary>
internal sealed class BankAccountFieldType : FieldType
{
    /// <summary>Creates the field type.</summary>
    public BankAccountFieldType()
        : base(new FieldTypeDescriptor(RequisitesFieldTypes.BankAccount, FieldValueKind.Json, BankAccountValue.Schema(), LocalizedText.Of("Bank account", "Банковский счёт")))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<CrmError>();
        BankAccountValue.Normalize(context.Value, context.Pointer, errors);
        Report(context, errors);
    }

    /// <summary>Adds each refusal to the context.</summary>
    /// <remarks>The SDK's context places every error at the field's pointer; the member is named in the message.</remarks>
    internal static void Report(FieldValueContext context, List<CrmError> errors)
    {
        foreach (var error in errors)
        {
            var member = error.Pointer.Length > context.Pointer.Length ? error.Pointer[context.Pointer.Length..] : "";
            context.AddError(error.Code, member.Length == 0 ? error.Message : Prefixed(member, error.Message));
        }
    }

    private static LocalizedText Prefixed(string member, LocalizedText message) =>
        new(message.Texts.Select(t => KeyValuePair.Create(t.Key, member + ": " + t.Value)));
}
