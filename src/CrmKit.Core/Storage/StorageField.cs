using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Storage;

/// <summary>A field as a store needs to know it: how its value is compared and which indexes it gets.</summary>
/// <param name="Name">The field name; a key of the JSON data object. Safe as an identifier (<c>[a-z][a-z0-9_]*</c>).</param>
/// <param name="Kind">How the value is stored and compared.</param>
/// <param name="Indexed">Whether an index is kept on the value.</param>
/// <param name="Unique">Whether live records must have distinct values (a partial unique index).</param>
public sealed record StorageField(string Name, FieldValueKind Kind, bool Indexed, bool Unique);
