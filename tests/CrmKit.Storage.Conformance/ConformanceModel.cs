using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;

namespace CrmKit.Storage.Conformance;

/// <summary>
/// The sample entity of the conformance suite: one field of every value kind, some indexed, <c>email</c> unique.
/// </summary>
public static class ConformanceModel
{
    /// <summary>The sample entity's name.</summary>
    public const string Entity = "item";

    /// <summary>Text, indexed.</summary>
    public static FieldReference Name { get; } = new("name", FieldValueKind.Text, false);

    /// <summary>Text, unique.</summary>
    public static FieldReference Email { get; } = new("email", FieldValueKind.Text, false);

    /// <summary>Text, neither indexed nor unique: the record's label in assertions.</summary>
    public static FieldReference Code { get; } = new("code", FieldValueKind.Text, false);

    /// <summary>Integer, indexed.</summary>
    public static FieldReference Qty { get; } = new("qty", FieldValueKind.Integer, false);

    /// <summary>Decimal, indexed.</summary>
    public static FieldReference Price { get; } = new("price", FieldValueKind.Decimal, false);

    /// <summary>Boolean.</summary>
    public static FieldReference Active { get; } = new("active", FieldValueKind.Boolean, false);

    /// <summary>Date.</summary>
    public static FieldReference Born { get; } = new("born", FieldValueKind.Date, false);

    /// <summary>Date and time, indexed.</summary>
    public static FieldReference SeenAt { get; } = new("seen_at", FieldValueKind.DateTime, false);

    /// <summary>Money, indexed (by amount).</summary>
    public static FieldReference Budget { get; } = new("budget", FieldValueKind.Money, false);

    /// <summary>Text array (multi-enum).</summary>
    public static FieldReference Tags { get; } = new("tags", FieldValueKind.TextArray, false);

    /// <summary>Reference to another entity, indexed.</summary>
    public static FieldReference CompanyId { get; } = new("company_id", FieldValueKind.Reference, false);

    /// <summary>The system field <c>id</c>.</summary>
    public static FieldReference Id { get; } = new("id", FieldValueKind.Reference, true);

    /// <summary>The system field <c>version</c>.</summary>
    public static FieldReference Version { get; } = new("version", FieldValueKind.Integer, true);

    /// <summary>The system field <c>created_at</c>.</summary>
    public static FieldReference CreatedAt { get; } = new("created_at", FieldValueKind.DateTime, true);

    /// <summary>The system field <c>created_by</c>.</summary>
    public static FieldReference CreatedBy { get; } = new("created_by", FieldValueKind.Text, true);

    /// <summary>The system field <c>updated_at</c>.</summary>
    public static FieldReference UpdatedAt { get; } = new("updated_at", FieldValueKind.DateTime, true);

    /// <summary>The system field <c>owner_id</c>.</summary>
    public static FieldReference OwnerId { get; } = new("owner_id", FieldValueKind.Text, true);

    /// <summary>The system field <c>deleted_at</c>.</summary>
    public static FieldReference DeletedAt { get; } = new("deleted_at", FieldValueKind.DateTime, true);

    /// <summary>Builds the sample model.</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="emailUnique">Whether <c>email</c> is unique.</param>
    /// <param name="nameIndexed">Whether <c>name</c> is indexed.</param>
    /// <returns>The model.</returns>
    public static EntityStorageModel Create(string entity = Entity, bool emailUnique = true, bool nameIndexed = true) =>
        new(entity,
        [
            new StorageField("name", FieldValueKind.Text, nameIndexed, false),
            new StorageField("email", FieldValueKind.Text, false, emailUnique),
            new StorageField("code", FieldValueKind.Text, false, false),
            new StorageField("qty", FieldValueKind.Integer, true, false),
            new StorageField("price", FieldValueKind.Decimal, true, false),
            new StorageField("active", FieldValueKind.Boolean, false, false),
            new StorageField("born", FieldValueKind.Date, false, false),
            new StorageField("seen_at", FieldValueKind.DateTime, true, false),
            new StorageField("budget", FieldValueKind.Money, true, false),
            new StorageField("tags", FieldValueKind.TextArray, false, false),
            new StorageField("company_id", FieldValueKind.Reference, true, false),
            new StorageField("extra", FieldValueKind.Json, false, false),
        ]);

    /// <summary>An ascending sort key.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The key.</returns>
    public static SortKey Asc(FieldReference field) => new(field, false);

    /// <summary>A descending sort key.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The key.</returns>
    public static SortKey Desc(FieldReference field) => new(field, true);
}
