using System.Text.Json;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;

namespace CrmKit.AspNetCore.Json;

/// <summary>
/// Writes records in the API's shape: the system fields first (<c>deleted_at</c> only on deleted records), then the
/// field values exactly as the service holds them, so numbers keep their text.
/// </summary>
internal static class RecordJsonWriter
{
    /// <summary>Writes one record.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="record">The record.</param>
    /// <param name="select">The fields the client asked for; null for all. <c>id</c> and <c>version</c> are always written.</param>
    public static void Write(Utf8JsonWriter writer, CrmRecord record, IReadOnlyList<string>? select = null)
    {
        bool Wanted(string name) => select is null || select.Contains(name, StringComparer.Ordinal);

        writer.WriteStartObject();
        writer.WriteString(SystemFields.Id, record.Id.ToString("D"));
        writer.WriteNumber(SystemFields.Version, record.Version);
        if (Wanted(SystemFields.CreatedAt))
        {
            writer.WriteString(SystemFields.CreatedAt, CanonicalInstant.ToText(record.CreatedAt));
        }

        if (Wanted(SystemFields.CreatedBy))
        {
            writer.WriteString(SystemFields.CreatedBy, record.CreatedBy);
        }

        if (Wanted(SystemFields.UpdatedAt))
        {
            writer.WriteString(SystemFields.UpdatedAt, CanonicalInstant.ToText(record.UpdatedAt));
        }

        if (Wanted(SystemFields.UpdatedBy))
        {
            writer.WriteString(SystemFields.UpdatedBy, record.UpdatedBy);
        }

        if (Wanted(SystemFields.OwnerId))
        {
            writer.WriteString(SystemFields.OwnerId, record.OwnerId);
        }

        if (record.DeletedAt is { } deletedAt && Wanted(SystemFields.DeletedAt))
        {
            writer.WriteString(SystemFields.DeletedAt, CanonicalInstant.ToText(deletedAt));
        }

        // The stored text is copied member by member (no JsonNode tree is built), so numbers keep their exact text.
        using (var values = JsonDocument.Parse(record.ValuesJson))
        {
            foreach (var member in values.RootElement.EnumerateObject())
            {
                // A value under a system name would duplicate a member written above.
                if (!SystemFields.Contains(member.Name) && Wanted(member.Name))
                {
                    member.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a page of records: <c>{"items": [...], "next": ..., "total": ...}</c>.</summary>
    public static void WritePage(Utf8JsonWriter writer, RecordPage page, IReadOnlyList<string>? select)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var record in page.Items)
        {
            Write(writer, record, select);
        }

        writer.WriteEndArray();
        writer.WriteString("next", page.NextCursor);
        if (page.Total is { } total)
        {
            writer.WriteNumber("total", total);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the records of a bulk create: <c>{"items": [...]}</c>.</summary>
    public static void WriteItems(Utf8JsonWriter writer, IReadOnlyList<CrmRecord> records)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var record in records)
        {
            Write(writer, record);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
