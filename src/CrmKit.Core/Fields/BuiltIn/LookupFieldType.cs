using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>lookup</c>: the id of a record of the entity named in the field's <c>x-crm-lookup</c>. Ids written with upper-case
/// hex digits, in braces (<c>{...}</c>) or without hyphens are rewritten in the canonical lower-case hyphenated form
/// (<c>0195f2a4-7c1e-7d3a-9b4f-1c2d3e4f5a6b</c>); other text is left for the schema's <c>uuid</c> format. Whether
/// the record exists is checked by the records service, not here.
/// </summary>
internal sealed class LookupFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public LookupFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Lookup,
            FieldValueKind.Reference,
            new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            FieldMessages.DisplayName(BuiltInFieldTypes.Lookup)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (!JsonValues.TryGetString(context.Value, out var text))
        {
            return;
        }

        if (!Guid.TryParseExact(text, "D", out var id) &&
            !Guid.TryParseExact(text, "B", out id) &&
            !Guid.TryParseExact(text, "N", out id))
        {
            return;
        }

        var canonical = id.ToString("D");
        if (canonical != text)
        {
            context.Value = JsonValue.Create(canonical);
        }
    }
}
