namespace CrmKit.Core.Fields;

/// <summary>
/// Reads the host's field types with their owners, for hosts that show them (the REST API's
/// <c>GET /api/metadata/field-types</c>). Plugins add and remove types at run time; each call sees the current set.
/// </summary>
public interface IFieldTypeCatalog
{
    /// <summary>The active field types in registration order (built-in types first).</summary>
    /// <returns>The types with their owners.</returns>
    IReadOnlyList<FieldTypeInfo> List();
}
