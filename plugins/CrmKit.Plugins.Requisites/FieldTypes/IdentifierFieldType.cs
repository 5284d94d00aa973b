using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Requisites.Identifiers;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Requisites.FieldTypes;

/// <summary>
/// A field type holding one Russian identifier as text: the value is compacted (white space removed), checked with the
/// FNS or Bank of Russia rule of its kind and stored compacted. A refused value gets an error with the reason's code
/// (<c>inn.checksum</c>, <c>kpp.format</c>...). Values of another JSON kind are left to the schema.
/// </summary>
internal sealed class IdentifierFieldType : FieldType
{
    private readonly IdentifierKind _kind;

    /// <summary>Creates the field type.</summary>
    /// <param name="name">The type name.</param>
    /// <param name="kind">Which identifier its values are.</param>
    /// <param name="maxLength">The longest valid value, for the schema.</param>
    /// <param name="displayName">The name shown to users.</param>
    public IdentifierFieldType(string name, IdentifierKind kind, int maxLength, LocalizedText displayName)
        : base(new FieldTypeDescriptor(name, FieldValueKind.Text, new JsonObject { ["type"] = "string", ["maxLength"] = maxLength + 16 }, displayName))
    {
        _kind = kind;
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Value.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        var text = context.Value.GetValue<string>();
        var compact = IdentifierText.Compact(text);
        var error = IdentifierErrors.Check(_kind, compact);
        if (error != IdentifierError.None)
        {
            var refusal = IdentifierErrors.ToError(_kind, error, context.Pointer);
            context.AddError(refusal.Code, refusal.Message);
            return;
        }

        if (!ReferenceEquals(compact, text))
        {
            context.Value = JsonValue.Create(compact);
        }
    }
}
