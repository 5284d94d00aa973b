namespace CrmKit.Cli.Resources;

// The messages of crmkit egrul.
internal static partial class CliMessages
{
    public static string EgrulKind => Get(nameof(EgrulKind));

    public static string EgrulInn => Get(nameof(EgrulInn));

    public static string EgrulKpp => Get(nameof(EgrulKpp));

    public static string EgrulOgrn => Get(nameof(EgrulOgrn));

    public static string EgrulOkpo => Get(nameof(EgrulOkpo));

    public static string EgrulShortName => Get(nameof(EgrulShortName));

    public static string EgrulFullName => Get(nameof(EgrulFullName));

    public static string EgrulBranch => Get(nameof(EgrulBranch));

    public static string EgrulRegistered => Get(nameof(EgrulRegistered));

    public static string EgrulLiquidated => Get(nameof(EgrulLiquidated));

    public static string EgrulStatus => Get(nameof(EgrulStatus));

    public static string EgrulAddress => Get(nameof(EgrulAddress));

    public static string EgrulDirector => Get(nameof(EgrulDirector));

    public static string EgrulOkved => Get(nameof(EgrulOkved));

    public static string EgrulWindingDown(string status) => string.Format(Culture, Get(nameof(EgrulWindingDown)), status);

    public static string EgrulEntries(int count) => string.Format(Culture, Get(nameof(EgrulEntries)), count);
}
