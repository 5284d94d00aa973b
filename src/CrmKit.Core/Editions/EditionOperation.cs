namespace CrmKit.Core.Editions;

/// <summary>What an edition request asks for.</summary>
public enum EditionOperation
{
    /// <summary>Install an edition that is not installed (installing the installed version again is a no-op).</summary>
    Install = 0,

    /// <summary>Upgrade an installed edition to a newer version.</summary>
    Upgrade = 1,
}
