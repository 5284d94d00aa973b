namespace CrmKit.Core.Templates;

/// <summary>The sandbox limits and caches of templates (configuration section <c>CrmKit:Templates</c>).</summary>
public sealed class TemplateOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CrmKit:Templates";

    /// <summary>Cumulative loop iterations per render (nested loops share it). Default 10,000.</summary>
    public int LoopLimit { get; set; } = 10_000;

    /// <summary>Depth of function calls and includes. Default 20.</summary>
    public int RecursiveLimit { get; set; } = 20;

    /// <summary>Rendered output and any single string, in UTF-16 characters. Default 1,000,000.</summary>
    public int OutputLimit { get; set; } = 1_000_000;

    /// <summary>Nesting depth of statements and expressions accepted by the parser. Default 64.</summary>
    public int NestingLimit { get; set; } = 64;

    /// <summary>Wall-clock time per render or evaluation. Default 2 seconds.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time per regular-expression match (<c>regex.*</c> functions). Default 100 ms.</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest template source accepted on save, in characters. Default 256 KB.</summary>
    public int MaxSourceLength { get; set; } = 256 * 1024;

    /// <summary>How many compiled sources (templates and expressions) are cached. Default 1,000.</summary>
    public int CacheSize { get; set; } = 1_000;

    /// <summary>
    /// How long the in-memory copy of stored templates is used before it is read again (saves through this server
    /// refresh it at once; this bounds how late a save by another server is seen). Default 30 seconds.
    /// </summary>
    public TimeSpan CatalogRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
