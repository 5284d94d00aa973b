namespace CrmKit.Core.Query;

/// <summary>
/// A node of a parsed, typed filter. Core parses the filter text against the entity's metadata; stores translate
/// the tree into parameterized SQL. Field names come only from metadata, values only as parameters.
/// </summary>
public abstract record FilterNode;
