namespace CrmKit.Cli.Resources;

// The messages of crmkit plugin search|install|update|remove|restore.
internal static partial class CliMessages
{
    public static string PackagePlanNothing => Get(nameof(PackagePlanNothing));

    public static string PackageApplied(int changed) => string.Format(Culture, Get(nameof(PackageApplied)), changed);

    public static string PackageDryRun => Get(nameof(PackageDryRun));

    public static string PackageCannotApply(int problems) => string.Format(Culture, Get(nameof(PackageCannotApply)), problems);

    public static string PackageProblem(string code, string message) => string.Format(Culture, Get(nameof(PackageProblem)), code, message);

    public static string HeaderAction => Get(nameof(HeaderAction));

    public static string HeaderFrom => Get(nameof(HeaderFrom));

    public static string HeaderTo => Get(nameof(HeaderTo));

    public static string HeaderPackage => Get(nameof(HeaderPackage));

    public static string HeaderInstalled => Get(nameof(HeaderInstalled));

    public static string HeaderTitle => Get(nameof(HeaderTitle));
}
