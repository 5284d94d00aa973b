namespace CrmKit.Core.Storage;

/// <summary>
/// Thrown by a store when a template is written with an expected version that is not the stored one (another write
/// won the race, or the template exists although version 0 was expected).
/// </summary>
public sealed class TemplateConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="name">The template name.</param>
    /// <param name="locale">The template locale.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    public TemplateConcurrencyException(string name, string locale, long expectedVersion)
        : base($"Template '{name}' ({locale}) is not at version {expectedVersion}.")
    {
        Name = name;
        Locale = locale;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The template name.</summary>
    public string Name { get; }

    /// <summary>The template locale.</summary>
    public string Locale { get; }

    /// <summary>The version the writer expected (0: that the template did not exist).</summary>
    public long ExpectedVersion { get; }
}
