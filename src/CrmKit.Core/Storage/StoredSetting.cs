namespace CrmKit.Core.Storage;

/// <summary>One stored setting: a JSON document under a key, with an optimistic-concurrency version.</summary>
public sealed class StoredSetting
{
    /// <summary>The key, for example <c>module:acme.loyalty</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The value as JSON text.</summary>
    public required string Value { get; init; }

    /// <summary>The version: 1 after the first write, one more after each later write.</summary>
    public required long Version { get; init; }

    /// <summary>When the value was last written (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
