namespace CrmKit.Sdk.Fields;

/// <summary>
/// A field type: the built-in ones (string, money, phone...) and those plugins add (INN, KPP...).
/// The host validates a value against the field's JSON Schema after <see cref="Normalize"/> has run.
/// </summary>
public interface IFieldType
{
    /// <summary>What the type is.</summary>
    FieldTypeDescriptor Descriptor { get; }

    /// <summary>
    /// Checks a non-null value beyond what JSON Schema can say and brings it to its canonical form
    /// (for example a phone number to E.164). Report problems with <see cref="FieldValueContext.AddError"/>;
    /// leave values of the wrong JSON kind alone: the schema reports those.
    /// </summary>
    /// <param name="context">The value, the field and the error sink.</param>
    void Normalize(FieldValueContext context);
}
