namespace CrmKit.Sdk.Builders;

/// <summary>Something fields can be added to: a new entity or an extension of an existing one.</summary>
public interface IFieldSetBuilder
{
    /// <summary>Adds a field.</summary>
    /// <param name="name">The field name (lower snake case).</param>
    /// <param name="type">The field type name.</param>
    /// <param name="configure">Sets the field's labels, constraints and options.</param>
    void AddField(string name, string type, Action<FieldBuilder>? configure = null);
}
