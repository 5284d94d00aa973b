using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields;

/// <summary>One field type the host knows right now, with the module or plugin that added it.</summary>
/// <param name="Descriptor">What the type is: name, value kind, display name, base schema.</param>
/// <param name="Owner">
/// The module or plugin id that added (or replaces) the type; <c>host</c> for a type the host added itself; null for a
/// built-in type.
/// </param>
public sealed record FieldTypeInfo(FieldTypeDescriptor Descriptor, string? Owner)
{
    /// <summary>The value kind's name as stored in <c>x-crm-kind</c> (<c>text</c>, <c>date_time</c>...).</summary>
    public string ValueKindName => FieldValueKinds.ToName(Descriptor.ValueKind);
}
