namespace CrmKit.Editions;

/// <summary>Options of editions (configuration section <c>CrmKit:Editions</c> in CrmKit.Server).</summary>
public sealed class EditionOptions
{
    /// <summary>
    /// The CrmKit version editions' <c>crmkit</c> ranges are checked against. Default: the version of the running
    /// CrmKit.Core assembly (without build metadata). Set only to test a server upgrade.
    /// </summary>
    public string? CoreVersion { get; set; }

    /// <summary>
    /// Where downloaded edition packages are kept while planning and applying. A relative path is taken from the host's
    /// content root. Default <c>editions</c>.
    /// </summary>
    public string PackageFolder { get; set; } = "editions";
}
