using System.Diagnostics;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Bulk;

/// <content>The two baselines: raw ADO.NET and EF Core, writing the pre-serialized rows into CrmKit's table layout.</content>
internal sealed partial class BulkBenchmark
{
    /// <summary>Raw inserts; one transaction for all rows unless <paramref name="rowsPerTransaction"/> says otherwise.</summary>
    private TimeSpan RunRaw(int count, int? rowsPerTransaction = null)
    {
        var path = SqliteFiles.NewPath(settings.WorkDirectory, "bulk-raw");
        try
        {
            using var connection = SqliteFiles.Open(path);
            Layout.Create(connection);
            Rounds.Settle();

            var stopwatch = Stopwatch.StartNew();
            var perTransaction = rowsPerTransaction ?? count;
            var now = DateTimeOffset.UtcNow;
            var nowText = CanonicalInstant.ToText(now);
            for (var start = 0; start < count; start += perTransaction)
            {
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = InsertSql;
                var id = command.Parameters.Add("@id", SqliteType.Text);
                command.Parameters.Add("@version", SqliteType.Integer).Value = 1L;
                command.Parameters.Add("@created_at", SqliteType.Text).Value = nowText;
                command.Parameters.Add("@created_by", SqliteType.Text).Value = User;
                command.Parameters.Add("@updated_at", SqliteType.Text).Value = nowText;
                command.Parameters.Add("@updated_by", SqliteType.Text).Value = User;
                command.Parameters.Add("@owner_id", SqliteType.Text).Value = DBNull.Value;
                command.Parameters.Add("@deleted_at", SqliteType.Text).Value = DBNull.Value;
                var data = command.Parameters.Add("@data", SqliteType.Text);
                command.Prepare();
                for (var i = start; i < Math.Min(count, start + perTransaction); i++)
                {
                    // UUIDv7 like CrmKit: time-ordered keys append to the primary key's B-tree.
                    id.Value = Guid.CreateVersion7(now).ToString("D");
                    data.Value = _stored[i];
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            stopwatch.Stop();
            CheckCount(connection, count, "raw ADO.NET");
            return stopwatch.Elapsed;
        }
        finally
        {
            SqliteFiles.Delete(path);
        }
    }

    private async Task<TimeSpan> RunEfCoreAsync(int count, bool withAudit)
    {
        var path = SqliteFiles.NewPath(settings.WorkDirectory, withAudit ? "bulk-ef-audit" : "bulk-ef");
        try
        {
            using var connection = SqliteFiles.Open(path);
            Layout.Create(connection);
            if (withAudit)
            {
                AuditLayout.Create(connection);
            }

            Rounds.Settle();

            var stopwatch = Stopwatch.StartNew();
            for (var start = 0; start < count; start += settings.BatchSize)
            {
                var end = Math.Min(count, start + settings.BatchSize);
                await using var db = new ContactDbContext(connection);
                var now = DateTimeOffset.UtcNow;
                var nowText = CanonicalInstant.ToText(now);
                var rows = new List<ContactRow>(end - start);
                var audit = new List<AuditRow>(withAudit ? end - start : 0);
                for (var i = start; i < end; i++)
                {
                    var id = Guid.CreateVersion7(now).ToString("D");
                    if (withAudit)
                    {
                        audit.Add(new AuditRow
                        {
                            Entity = Data.ContactSchema.Entity, RecordId = id, Operation = "create", At = nowText, UserId = User,
                            UserName = User, Channel = "rest", RecordVersion = 1, NewValues = _stored[i],
                        });
                    }

                    rows.Add(new ContactRow
                    {
                        Id = id,
                        Version = 1,
                        CreatedAt = nowText,
                        CreatedBy = User,
                        UpdatedAt = nowText,
                        UpdatedBy = User,
                        Data = _stored[i],
                    });
                }

                db.Contacts.AddRange(rows);
                db.Audit.AddRange(audit);
                await db.SaveChangesAsync();
            }

            stopwatch.Stop();
            CheckCount(connection, count, "EF Core");
            return stopwatch.Elapsed;
        }
        finally
        {
            SqliteFiles.Delete(path);
        }
    }
}
