using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;

namespace CrmKit.AspNetCore.Http;

/// <summary>
/// CSV cells and lines (RFC 4180): quoted when they hold the delimiter, a quote or a line break. A text cell that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, and not a number or phone number) gets a
/// leading apostrophe.
/// </summary>
internal static class CsvLine
{
    public static void Write(StringBuilder line, IEnumerable<string?> cells, char delimiter)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                line.Append(delimiter);
            }

            first = false;
            Append(line, cell ?? "", delimiter);
        }

        line.Append("\r\n");
    }

    /// <summary>The text of one column of a record: system fields, scalars as they are, lists joined with "; ", objects as JSON.</summary>
    public static string? Cell(CrmRecord record, string column) => column switch
    {
        SystemFields.Id => record.Id.ToString("D"),
        SystemFields.Version => record.Version.ToString(CultureInfo.InvariantCulture),
        SystemFields.OwnerId => record.OwnerId,
        SystemFields.CreatedAt => CanonicalInstant.ToText(record.CreatedAt),
        SystemFields.CreatedBy => record.CreatedBy,
        SystemFields.UpdatedAt => CanonicalInstant.ToText(record.UpdatedAt),
        SystemFields.UpdatedBy => record.UpdatedBy,
        SystemFields.DeletedAt => record.DeletedAt is { } d ? CanonicalInstant.ToText(d) : null,
        _ => Text(record.Values[column]),
    };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        JsonArray a when a.All(i => i is JsonValue) => string.Join("; ", a.Select(Text)),
        _ => node.ToJsonString(),
    };

    private static void Append(StringBuilder line, string cell, char delimiter)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !LooksNumeric(cell))
        {
            cell = "'" + cell;
        }

        if (cell.AsSpan().IndexOfAny([delimiter, '"', '\r', '\n']) < 0)
        {
            line.Append(cell);
            return;
        }

        line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Numbers and phone numbers (<c>+7 916 123-45-67</c>, <c>-12.5</c>) start with + or - harmlessly.</summary>
    private static bool LooksNumeric(string cell)
    {
        for (var i = 1; i < cell.Length; i++)
        {
            if (!(char.IsAsciiDigit(cell[i]) || cell[i] is ' ' or '(' or ')' or '-' or '.' or ','))
            {
                return false;
            }
        }

        return cell.Length > 1 && char.IsAsciiDigit(cell[1]);
    }
}
