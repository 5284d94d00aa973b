using System.Text.Json.Nodes;
using CrmKit.Core.Resources;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Fields;

/// <summary>
/// Stands in for a field type whose module is not loaded (a plugin disabled, failed or removed). Stored values keep
/// their storage shape and stay readable, queryable and sortable; a new value is refused with
/// <c>field.type_unavailable</c>, because nothing can check it. Clearing a value is allowed.
/// </summary>
internal sealed class UnavailableFieldType : IFieldType
{
    private readonly string? _owner;

    public UnavailableFieldType(string name, FieldValueKind valueKind, string? owner)
    {
        _owner = owner;
        Descriptor = new FieldTypeDescriptor(name, valueKind, new JsonObject(), LocalizedText.Of(name));
    }

    public FieldTypeDescriptor Descriptor { get; }

    public void Normalize(FieldValueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddError("field.type_unavailable", CoreMessages.Text(
            "field.type_unavailable", context.Field.Name, Descriptor.Name, _owner ?? "?"));
    }
}
