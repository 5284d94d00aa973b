using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Query;

/// <summary>A field a filter or sort refers to.</summary>
/// <param name="Name">The field name (safe as an identifier).</param>
/// <param name="Kind">
/// How values compare. For money fields the amount is compared; system fields are <see cref="FieldValueKind.Reference"/>
/// (id), <see cref="FieldValueKind.DateTime"/> (timestamps), <see cref="FieldValueKind.Integer"/> (version) or text.
/// </param>
/// <param name="IsSystem">Whether the field is a system column rather than a key of the JSON data.</param>
public sealed record FieldReference(string Name, FieldValueKind Kind, bool IsSystem);
