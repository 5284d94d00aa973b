using System.Globalization;
using System.Text;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    // A bulk create appends as many audit entries as it inserts records, all with the same entity, operation, instant
    // and caller: they go in multi-row INSERTs that bind those shared values once per statement, which halves SQLite's
    // and the driver's per-entry work compared with one INSERT per entry.
    private const int AuditRowsPerStatement = 32;
    private const int AuditSharedParameterCount = 7;
    private const int AuditRowParameterCount = 4;

    private static readonly string AppendAuditOneSql = AppendAuditSql(1);
    private static readonly string AppendAuditManySql = AppendAuditSql(AuditRowsPerStatement);

    /// <inheritdoc />
    public Task AppendAuditAsync(IReadOnlyList<StoredAuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            // Run synchronously like the record inserts: Microsoft.Data.Sqlite completes its async calls synchronously.
            var i = 0;
            while (i < entries.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = i + 1;
                while (end < entries.Count && SharesContext(entries[i], entries[end]))
                {
                    end++;
                }

                for (; end - i >= AuditRowsPerStatement; i += AuditRowsPerStatement)
                {
                    AppendAudit(AppendAuditManySql, AuditRowsPerStatement, entries, i);
                }

                for (; i < end; i++)
                {
                    AppendAudit(AppendAuditOneSql, 1, entries, i);
                }
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        return Task.CompletedTask;
    }

    private void AppendAudit(string sql, int rows, IReadOnlyList<StoredAuditEntry> entries, int first)
    {
        var command = GetCommand(sql);
        var p = command.Parameters;
        if (p.Count != AuditSharedParameterCount + rows * AuditRowParameterCount)
        {
            p.Clear();
            for (var s = 0; s < AuditSharedParameterCount; s++)
            {
                p.Add("@s" + s.ToString(CultureInfo.InvariantCulture), SqliteType.Text);
            }

            for (var r = 0; r < rows; r++)
            {
                var row = r.ToString(CultureInfo.InvariantCulture);
                p.Add("@id" + row, SqliteType.Text);
                p.Add("@v" + row, SqliteType.Integer);
                p.Add("@old" + row, SqliteType.Text);
                p.Add("@new" + row, SqliteType.Text);
            }
        }

        var shared = entries[first];
        p[0].Value = shared.Entity;
        p[1].Value = shared.Operation;
        p[2].Value = CanonicalInstant.ToText(shared.At);
        p[3].Value = shared.UserId;
        p[4].Value = shared.UserName;
        p[5].Value = shared.Channel;
        p[6].Value = (object?)shared.Source ?? DBNull.Value;
        for (var r = 0; r < rows; r++)
        {
            var entry = entries[first + r];
            var at = AuditSharedParameterCount + r * AuditRowParameterCount;
            p[at].Value = SqliteRecordReader.FormatId(entry.RecordId);
            p[at + 1].Value = entry.RecordVersion;
            p[at + 2].Value = (object?)entry.OldValues ?? DBNull.Value;
            p[at + 3].Value = (object?)entry.NewValues ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static bool SharesContext(StoredAuditEntry a, StoredAuditEntry b) =>
        a.At == b.At
        && string.Equals(a.Entity, b.Entity, StringComparison.Ordinal)
        && string.Equals(a.Operation, b.Operation, StringComparison.Ordinal)
        && string.Equals(a.UserId, b.UserId, StringComparison.Ordinal)
        && string.Equals(a.UserName, b.UserName, StringComparison.Ordinal)
        && string.Equals(a.Channel, b.Channel, StringComparison.Ordinal)
        && string.Equals(a.Source, b.Source, StringComparison.Ordinal);

    private static string AppendAuditSql(int rows)
    {
        var sql = new StringBuilder(
            "INSERT INTO crm_audit (entity, record_id, operation, at, user_id, user_name, channel, source, record_version, old_values, new_values) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "" : ", ")
                .Append(CultureInfo.InvariantCulture, $"(@s0, @id{r}, @s1, @s2, @s3, @s4, @s5, @s6, @v{r}, @old{r}, @new{r})");
        }

        return sql.ToString();
    }
}
