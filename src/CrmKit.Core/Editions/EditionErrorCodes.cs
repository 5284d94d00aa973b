namespace CrmKit.Core.Editions;

/// <summary>The stable codes of edition problems.</summary>
public static class EditionErrorCodes
{
    /// <summary>The edition.json or one of its files is missing, not JSON, or breaks the format.</summary>
    public const string InvalidManifest = "edition.invalid_manifest";

    /// <summary>A file the manifest names is missing from the edition.</summary>
    public const string MissingFile = "edition.missing_file";

    /// <summary>An entity file is not a valid JSON Schema document or not a valid entity document.</summary>
    public const string InvalidSchema = "edition.invalid_schema";

    /// <summary>A workflow, template, seed or settings file is invalid.</summary>
    public const string InvalidContent = "edition.invalid_content";

    /// <summary>No feed has the edition (or the requested version).</summary>
    public const string NotFound = "edition.not_found";

    /// <summary>The package is not a CrmKit edition (package type CrmKitEdition with an edition.json).</summary>
    public const string NotAnEdition = "edition.not_an_edition";

    /// <summary>A feed failed while fetching the edition.</summary>
    public const string FeedFailed = "edition.feed_failed";

    /// <summary>The running CrmKit version is outside the edition's <c>crmkit</c> range.</summary>
    public const string CoreIncompatible = "edition.core_incompatible";

    /// <summary>Install was asked for an edition installed at another version, or upgrade for one not installed.</summary>
    public const string WrongOperation = "edition.wrong_operation";

    /// <summary>The requested version is older than the installed one.</summary>
    public const string Downgrade = "edition.downgrade";

    /// <summary>A plugin range cannot be satisfied (missing version, conflict, incompatible SDK).</summary>
    public const string PluginUnavailable = "edition.plugin_unavailable";

    /// <summary>The metadata change conflicts with what is installed (an entity or field owned by someone else, a rename whose source is missing).</summary>
    public const string MetadataConflict = "edition.metadata_conflict";

    /// <summary>Applying failed part-way; everything was rolled back.</summary>
    public const string ApplyFailed = "edition.apply_failed";

    /// <summary>Another edition operation is running.</summary>
    public const string Busy = "edition.busy";

    /// <summary>Any other failure.</summary>
    public const string Failed = "edition.failed";
}
