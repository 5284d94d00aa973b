using System.Numerics;
using System.Runtime.CompilerServices;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    private const int MaxIdsPerStatement = 512;
    private const int RowParameterCount = 9;

    /// <inheritdoc />
    public Task InsertAsync(EntityStorageModel model, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        ThrowIfReadOnly();
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        ThrowIfUnusable();
        try
        {
            var command = GetRowCommand(
                $"INSERT INTO {SqliteSql.Table(model.Entity)} ({SqliteSql.RecordColumns}) VALUES (@id, @version, @created_at, @created_by, @updated_at, @updated_by, @owner_id, @deleted_at, @data)",
                RowParameterCount);

            // One prepared statement for the whole batch, run synchronously: Microsoft.Data.Sqlite's async methods
            // complete synchronously anyway, and the per-row task overhead shows in bulk inserts.
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                BindRow(command, record);
                command.ExecuteNonQuery();
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
        catch (SqliteException e) when (MapUniqueViolation(model.Entity, e) is { } unique)
        {
            throw unique;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> UpdateAsync(EntityStorageModel model, StoredRecord record, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfReadOnly();
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnusable();
        try
        {
            var command = GetRowCommand(
                $"""
                UPDATE {SqliteSql.Table(model.Entity)} SET version = @version, created_at = @created_at, created_by = @created_by,
                    updated_at = @updated_at, updated_by = @updated_by, owner_id = @owner_id, deleted_at = @deleted_at, data = @data
                WHERE id = @id AND version = @expected_version
                """,
                RowParameterCount + 1);
            BindRow(command, record);
            command.Parameters[RowParameterCount].Value = expectedVersion;
            return Task.FromResult(command.ExecuteNonQuery() == 1);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
        catch (SqliteException e) when (MapUniqueViolation(model.Entity, e) is { } unique)
        {
            throw unique;
        }
    }

    /// <inheritdoc />
    public async Task<StoredRecord?> GetAsync(EntityStorageModel model, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ThrowIfUnusable();
        try
        {
            var command = GetCommand($"SELECT {SqliteSql.RecordColumns} FROM {SqliteSql.Table(model.Entity)} WHERE id = @id");
            var parameters = command.Parameters;
            if (parameters.Count == 0)
            {
                parameters.Add("@id", SqliteType.Text);
            }

            parameters[0].Value = SqliteRecordReader.FormatId(id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? SqliteRecordReader.Read(reader) : null;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<Guid>> FindExistingAsync(EntityStorageModel model, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<Guid>();
        var prefix = $"SELECT id FROM {SqliteSql.Table(model.Entity)} WHERE deleted_at IS NULL AND id IN ";
        ThrowIfUnusable();
        try
        {
            foreach (var chunk in ids.Distinct().Chunk(MaxIdsPerStatement))
            {
                // The IN list is padded (with the last id again) to a power of two, so a handful of statement texts
                // cover every chunk size and stay in the prepared-command cache.
                var size = (int)BitOperations.RoundUpToPowerOf2((uint)chunk.Length);
                var command = GetCommand(prefix + SqliteSql.ParameterList(size));
                var parameters = command.Parameters;
                if (parameters.Count != size)
                {
                    parameters.Clear();
                    for (var i = 0; i < size; i++)
                    {
                        parameters.Add(SqliteSql.ParameterName(i), SqliteType.Text);
                    }
                }

                for (var i = 0; i < size; i++)
                {
                    parameters[i].Value = SqliteRecordReader.FormatId(chunk[Math.Min(i, chunk.Length - 1)]);
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(Guid.ParseExact(reader.GetString(0), "D"));
                }
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        return found;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ScanAsync(EntityStorageModel model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sql = $"SELECT {SqliteSql.RecordColumns} FROM {SqliteSql.Table(model.Entity)} ORDER BY id";

        // A scan left open when the session ends (its enumerator not disposed) keeps a statement running on the
        // connection, which then must not be pooled.
        _openScans++;
        try
        {
            await using var command = CreateCommand(sql);
            await using var reader = await ExecuteScanAsync(command, cancellationToken);
            while (await ReadScanAsync(reader, cancellationToken))
            {
                yield return SqliteRecordReader.Read(reader);
            }
        }
        finally
        {
            _openScans--;
        }
    }

    private async Task<SqliteDataReader> ExecuteScanAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private async Task<bool> ReadScanAsync(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <summary>Returns the cached command of a row statement, adding the row parameters when it is new.</summary>
    /// <param name="sql">An INSERT or UPDATE whose parameters are the nine row values, plus <c>@expected_version</c>.</param>
    /// <param name="parameterCount">How many parameters the statement has.</param>
    private SqliteCommand GetRowCommand(string sql, int parameterCount)
    {
        var command = GetCommand(sql);
        if (command.Parameters.Count != parameterCount)
        {
            command.Parameters.Clear();
            AddRowParameters(command);
            if (parameterCount > RowParameterCount)
            {
                command.Parameters.Add("@expected_version", SqliteType.Integer);
            }
        }

        return command;
    }

    /// <summary>Adds the nine row parameters, in <see cref="SqliteSql.RecordColumns"/> order.</summary>
    private static void AddRowParameters(SqliteCommand command)
    {
        command.Parameters.Add("@id", SqliteType.Text);
        command.Parameters.Add("@version", SqliteType.Integer);
        command.Parameters.Add("@created_at", SqliteType.Text);
        command.Parameters.Add("@created_by", SqliteType.Text);
        command.Parameters.Add("@updated_at", SqliteType.Text);
        command.Parameters.Add("@updated_by", SqliteType.Text);
        command.Parameters.Add("@owner_id", SqliteType.Text);
        command.Parameters.Add("@deleted_at", SqliteType.Text);
        command.Parameters.Add("@data", SqliteType.Text);
    }

    private static void BindRow(SqliteCommand command, StoredRecord record)
    {
        var parameters = command.Parameters;
        parameters[0].Value = SqliteRecordReader.FormatId(record.Id);
        parameters[1].Value = record.Version;
        parameters[2].Value = CanonicalInstant.ToText(record.CreatedAt);
        parameters[3].Value = record.CreatedBy;
        parameters[4].Value = CanonicalInstant.ToText(record.UpdatedAt);
        parameters[5].Value = record.UpdatedBy;
        parameters[6].Value = SqliteRecordReader.ToDb(record.OwnerId);
        parameters[7].Value = SqliteRecordReader.ToDb(record.DeletedAt);
        parameters[8].Value = record.Data;
    }
}
