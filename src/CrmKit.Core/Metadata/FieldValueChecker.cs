using System.Text.Json.Nodes;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;
using static CrmKit.Core.Metadata.FieldDataPass;

namespace CrmKit.Core.Metadata;

/// <summary>Decides, for each stored value, whether it satisfies a field's new definition (after an optional cast).</summary>
internal sealed class FieldValueChecker(
    FieldDefinition field, IFieldType type, CompiledSchema validator, FieldConversion conversion, JsonNode? fallback)
{
    private readonly HashSet<string>? _seen = field.Unique ? new(StringComparer.Ordinal) : null;

    public Verdict Check(FieldRow row)
    {
        if (row.Value is null)
        {
            if (!field.Required || !row.Live)
            {
                return Verdict.Keep;
            }

            if (fallback is null)
            {
                return Verdict.ViolateMissing;
            }

            row.Replacement = fallback.DeepClone();
            return Remember(row, row.Replacement);
        }

        var value = row.Value;
        if (conversion == FieldConversion.Cast && !validator.IsValid(value) &&
            FieldValueConverter.TryConvert(value, type.Descriptor.ValueKind, out var converted))
        {
            value = converted;
        }

        var context = new FieldValueContext(field, value.DeepClone(), "/" + field.Name);
        type.Normalize(context);
        if (context.HasErrors || !validator.IsValid(context.Value))
        {
            return Verdict.Violate;
        }

        if (JsonNode.DeepEquals(context.Value, row.Value))
        {
            return Remember(row, row.Value) == Verdict.Violate ? Verdict.Violate : Verdict.Keep;
        }

        row.Replacement = context.Value;
        return Remember(row, context.Value);
    }

    private Verdict Remember(FieldRow row, JsonNode value)
    {
        if (_seen is not null && row.Live && !_seen.Add(value.ToJsonString()))
        {
            return Verdict.Violate;
        }

        return Verdict.Replace;
    }
}
