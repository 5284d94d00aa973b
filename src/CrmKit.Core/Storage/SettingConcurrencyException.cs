namespace CrmKit.Core.Storage;

/// <summary>
/// Thrown by a store when a setting is written with an expected version that is not the stored one (another write
/// won the race, or the setting exists although version 0 was expected).
/// </summary>
public sealed class SettingConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The setting's key.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    public SettingConcurrencyException(string key, long expectedVersion)
        : base($"Setting '{key}' is not at version {expectedVersion}.")
    {
        Key = key;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The setting's key.</summary>
    public string Key { get; }

    /// <summary>The version the writer expected (0: that the setting did not exist).</summary>
    public long ExpectedVersion { get; }
}
