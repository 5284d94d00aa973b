using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>email</c>: an e-mail address (RFC 5321 limit of 254 characters). Surrounding white space is trimmed and the
/// domain (after the last <c>@</c>) is lower-cased, since domains are case-insensitive; the local part is kept as
/// written because RFC 5321 lets servers treat it case-sensitively. The address itself is checked by the schema's
/// <c>email</c> format.
/// </summary>
internal sealed class EmailFieldType : FieldType
{
    /// <summary>The maximum length of an address.</summary>
    public const int MaxLength = 254;

    /// <summary>Creates the type.</summary>
    public EmailFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Email,
            FieldValueKind.Text,
            new JsonObject { ["type"] = "string", ["format"] = "email", ["maxLength"] = MaxLength },
            FieldMessages.DisplayName(BuiltInFieldTypes.Email)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (!JsonValues.TryGetString(context.Value, out var text))
        {
            return;
        }

        var address = text.Trim();
        var at = address.LastIndexOf('@');
        if (at >= 0)
        {
            address = string.Concat(address.AsSpan(0, at + 1), address[(at + 1)..].ToLowerInvariant());
        }

        if (address != text)
        {
            context.Value = JsonValue.Create(address);
        }
    }
}
