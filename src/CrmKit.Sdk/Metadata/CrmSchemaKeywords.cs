namespace CrmKit.Sdk.Metadata;

/// <summary>
/// The <c>x-crm-*</c> keywords that carry CRM semantics inside an entity's JSON Schema document.
/// docs/metadata.md is the reference for each one.
/// </summary>
public static class CrmSchemaKeywords
{
    /// <summary>The JSON Schema dialect every entity document declares.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Entity level: the entity's name (lower snake case).</summary>
    public const string Entity = "x-crm-entity";

    /// <summary>Entity level: the metadata version the document is at (assigned by the host).</summary>
    public const string Version = "x-crm-version";

    /// <summary>Entity and field level: the owning module or plugin id.</summary>
    public const string Owner = "x-crm-owner";

    /// <summary>Entity and field level: labels keyed by culture (<c>{"en": "...", "ru": "..."}</c>).</summary>
    public const string Labels = "x-crm-labels";

    /// <summary>Entity level: plural labels keyed by culture.</summary>
    public const string PluralLabels = "x-crm-plural-labels";

    /// <summary>Field level: the CrmKit field type (see <see cref="Fields.IFieldType"/>).</summary>
    public const string Type = "x-crm-type";

    /// <summary>
    /// Field level: the <see cref="Fields.FieldValueKind"/> of a field whose type a module or plugin provides, written
    /// by the host so the field keeps its storage shape while the type's owner is not loaded.
    /// </summary>
    public const string ValueKind = "x-crm-kind";

    /// <summary>Field level: <c>true</c> when the host maintains the field (id, timestamps, version...).</summary>
    public const string System = "x-crm-system";

    /// <summary>Field level: <c>true</c> to create a database index on the field.</summary>
    public const string Indexed = "x-crm-indexed";

    /// <summary>Field level: <c>true</c> to keep the field's value unique among live records.</summary>
    public const string Unique = "x-crm-unique";

    /// <summary>Field level: the lookup target, <c>{"entity": "company", "onDelete": "restrict" | "setNull"}</c>.</summary>
    public const string Lookup = "x-crm-lookup";

    /// <summary>Field level: enum option labels, <c>{"won": {"en": "Won", "ru": "Выиграна"}}</c>.</summary>
    public const string OptionLabels = "x-crm-option-labels";
}
