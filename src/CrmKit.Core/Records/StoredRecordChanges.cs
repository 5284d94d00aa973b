using CrmKit.Core.Storage;

namespace CrmKit.Core.Records;

/// <summary>Makes the next version of a stored row: every write (records service or metadata rewrite) goes through it.</summary>
internal static class StoredRecordChanges
{
    /// <summary>The row at its next version, changed by <paramref name="userId"/> at <paramref name="now"/>.</summary>
    public static StoredRecord Next(
        this StoredRecord row, string userId, DateTimeOffset now, string data, DateTimeOffset? deletedAt, string? ownerId) => new()
        {
            Id = row.Id,
            Version = row.Version + 1,
            CreatedAt = row.CreatedAt,
            CreatedBy = row.CreatedBy,
            UpdatedAt = now,
            UpdatedBy = userId,
            OwnerId = ownerId,
            DeletedAt = deletedAt,
            Data = data,
        };

    /// <summary>The row at its next version with new data; deletion state and owner unchanged.</summary>
    public static StoredRecord Next(this StoredRecord row, string userId, DateTimeOffset now, string data) =>
        row.Next(userId, now, data, row.DeletedAt, row.OwnerId);
}
