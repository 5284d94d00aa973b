using System.Globalization;
using System.Text.Json;
using CrmKit.Core.Metadata;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.AspNetCore.Json;

/// <summary>
/// Writes the metadata shapes of docs/rest-api.md — EntitySummary, EntityDetail (with FieldInfo), FieldArchive and
/// history versions — with <c>label</c> picked for the request's language and <c>labels</c> holding every language.
/// </summary>
internal static class MetadataJsonWriter
{
    public static void WriteSummaries(Utf8JsonWriter writer, IReadOnlyList<EntityDefinition> entities, CultureInfo culture)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var entity in entities)
        {
            writer.WriteStartObject();
            WriteSummaryMembers(writer, entity, culture);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteDetail(Utf8JsonWriter writer, EntityDefinition entity, CultureInfo culture)
    {
        writer.WriteStartObject();
        WriteSummaryMembers(writer, entity, culture);
        writer.WriteStartArray("fields");
        foreach (var field in entity.Fields)
        {
            WriteField(writer, field, culture);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteArchive(Utf8JsonWriter writer, FieldArchiveInfo archive)
    {
        writer.WriteStartObject();
        writer.WriteString("id", archive.Id.ToString("D"));
        writer.WriteString("entity", archive.Entity);
        writer.WriteString("field", archive.Field);
        writer.WriteString("reason", archive.Reason);
        writer.WriteNumber("count", archive.Count);
        writer.WriteNumber("schemaVersion", archive.SchemaVersion);
        writer.WriteString("archivedAt", CanonicalInstant.ToText(archive.ArchivedAt));
        writer.WriteString("archivedBy", archive.ArchivedBy);
        if (archive.RestoredAt is { } restoredAt)
        {
            writer.WriteString("restoredAt", CanonicalInstant.ToText(restoredAt));
        }
        else
        {
            writer.WriteNull("restoredAt");
        }

        writer.WriteEndObject();
    }

    public static void WriteArchives(Utf8JsonWriter writer, IReadOnlyList<FieldArchiveInfo> archives)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var archive in archives)
        {
            WriteArchive(writer, archive);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteHistory(Utf8JsonWriter writer, IReadOnlyList<MetadataVersionInfo> versions)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var version in versions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", version.Version);
            writer.WriteString("changedAt", CanonicalInstant.ToText(version.ChangedAt));
            writer.WriteString("changedBy", version.ChangedBy);
            writer.WritePropertyName("diff");
            version.Diff.WriteTo(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSummaryMembers(Utf8JsonWriter writer, EntityDefinition entity, CultureInfo culture)
    {
        writer.WriteString("name", entity.Name);
        writer.WriteString("label", entity.Labels.Get(culture));
        WriteLabels(writer, "labels", entity.Labels);
        writer.WriteString("pluralLabel", entity.PluralLabels?.Get(culture));
        writer.WriteNumber("version", entity.Version);
        writer.WriteString("owner", entity.Owner);
        writer.WriteNumber("fieldCount", entity.Fields.Count);
    }

    private static void WriteField(Utf8JsonWriter writer, FieldDefinition field, CultureInfo culture)
    {
        writer.WriteStartObject();
        writer.WriteString("name", field.Name);
        writer.WriteString("type", field.Type);
        writer.WriteString("label", field.Labels.Get(culture));
        WriteLabels(writer, "labels", field.Labels);
        writer.WriteBoolean("required", field.Required);
        writer.WriteBoolean("indexed", field.Indexed);
        writer.WriteBoolean("unique", field.Unique);
        writer.WriteBoolean("system", field.IsSystem);
        writer.WriteString("owner", field.Owner);
        if (field.Lookup is { } lookup)
        {
            writer.WriteStartObject("lookup");
            writer.WriteString("entity", lookup.TargetEntity);
            writer.WriteString("onDelete", lookup.OnDelete == LookupDeleteBehavior.SetNull ? "setNull" : "restrict");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("lookup");
        }

        writer.WriteStartArray("options");
        foreach (var option in field.Options)
        {
            writer.WriteStartObject();
            writer.WriteString("value", option);
            writer.WriteString(
                "label",
                field.OptionLabels.TryGetValue(option, out var label) ? label.Get(culture) : option);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("schema");
        field.GetSchema().WriteTo(writer);
        writer.WriteEndObject();
    }

    private static void WriteLabels(Utf8JsonWriter writer, string name, LocalizedText labels)
    {
        writer.WriteStartObject(name);
        foreach (var (language, text) in labels.Texts)
        {
            writer.WriteString(language, text);
        }

        writer.WriteEndObject();
    }
}
