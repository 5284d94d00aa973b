using System.Runtime.CompilerServices;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    private const int MaxIdsPerStatement = 500;
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

        var table = SqliteSql.Table(model.Entity);
        var command = GetPreparedCommand("insert:" + table, session => CreateRowCommand(
            session,
            $"INSERT INTO {table} ({SqliteSql.RecordColumns}) VALUES (@id, @version, @created_at, @created_by, @updated_at, @updated_by, @owner_id, @deleted_at, @data)"));
        try
        {
            // One prepared statement for the whole batch, run synchronously: Microsoft.Data.Sqlite's async methods
            // complete synchronously anyway, and the per-row task overhead shows in bulk inserts.
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                BindRow(command, record);
                command.ExecuteNonQuery();
            }
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
        var table = SqliteSql.Table(model.Entity);
        var command = GetPreparedCommand("update:" + table, session =>
        {
            var update = CreateRowCommand(session, $"""
                UPDATE {table} SET version = @version, created_at = @created_at, created_by = @created_by,
                    updated_at = @updated_at, updated_by = @updated_by, owner_id = @owner_id, deleted_at = @deleted_at, data = @data
                WHERE id = @id AND version = @expected_version
                """);
            update.Parameters.Add("@expected_version", SqliteType.Integer);
            return update;
        });
        BindRow(command, record);
        command.Parameters[RowParameterCount].Value = expectedVersion;
        try
        {
            return Task.FromResult(command.ExecuteNonQuery() == 1);
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
        var table = SqliteSql.Table(model.Entity);
        var command = GetPreparedCommand("get:" + table, session =>
        {
            var get = session.CreateCommand($"SELECT {SqliteSql.RecordColumns} FROM {table} WHERE id = @id");
            get.Parameters.Add("@id", SqliteType.Text);
            return get;
        });
        command.Parameters[0].Value = SqliteRecordReader.FormatId(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteRecordReader.Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<Guid>> FindExistingAsync(EntityStorageModel model, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<Guid>();
        var table = SqliteSql.Table(model.Entity);
        foreach (var chunk in ids.Distinct().Chunk(MaxIdsPerStatement))
        {
            var statement = new SqliteStatement().Append($"SELECT id FROM {table} WHERE deleted_at IS NULL AND id IN (");
            for (var i = 0; i < chunk.Length; i++)
            {
                statement.Append(i > 0 ? ", " : string.Empty).Append(statement.AddParameter(SqliteType.Text, SqliteRecordReader.FormatId(chunk[i])));
            }

            await using var command = statement.Append(")").CreateCommand(this);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(Guid.ParseExact(reader.GetString(0), "D"));
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ScanAsync(EntityStorageModel model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var command = CreateCommand($"SELECT {SqliteSql.RecordColumns} FROM {SqliteSql.Table(model.Entity)} ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SqliteRecordReader.Read(reader);
        }
    }

    /// <summary>Creates a command with the nine row parameters, in <see cref="SqliteSql.RecordColumns"/> order.</summary>
    private static SqliteCommand CreateRowCommand(SqliteCrmStoreSession session, string sql)
    {
        var command = session.CreateCommand(sql);
        command.Parameters.Add("@id", SqliteType.Text);
        command.Parameters.Add("@version", SqliteType.Integer);
        command.Parameters.Add("@created_at", SqliteType.Text);
        command.Parameters.Add("@created_by", SqliteType.Text);
        command.Parameters.Add("@updated_at", SqliteType.Text);
        command.Parameters.Add("@updated_by", SqliteType.Text);
        command.Parameters.Add("@owner_id", SqliteType.Text);
        command.Parameters.Add("@deleted_at", SqliteType.Text);
        command.Parameters.Add("@data", SqliteType.Text);
        return command;
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
