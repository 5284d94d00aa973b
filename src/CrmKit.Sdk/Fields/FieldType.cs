namespace CrmKit.Sdk.Fields;

/// <summary>A convenient base for field types whose only rule is their JSON Schema.</summary>
public abstract class FieldType : IFieldType
{
    /// <summary>Creates the field type.</summary>
    /// <param name="descriptor">What the type is.</param>
    protected FieldType(FieldTypeDescriptor descriptor)
    {
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
    }

    /// <inheritdoc />
    public FieldTypeDescriptor Descriptor { get; }

    /// <inheritdoc />
    public virtual void Normalize(FieldValueContext context)
    {
    }
}
