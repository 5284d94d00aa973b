namespace CrmKit.Cli.Resources;

/// <content>The messages of <c>crmkit 1c</c>.</content>
internal static partial class CliMessages
{
    public static string CommerceMlValid(string file, string version) => Format(nameof(CommerceMlValid), file, version);

    public static string CommerceMlInvalid(string file, string version, int errors, int warnings) =>
        Format(nameof(CommerceMlInvalid), file, version, errors, warnings);

    public static string CannotReadCommerceMl(string file, string reason) => Format(nameof(CannotReadCommerceMl), file, reason);

    public static string CommerceMlExported(string file, long bytes) => Format(nameof(CommerceMlExported), file, bytes);

    public static string InvalidSince(string value) => Format(nameof(InvalidSince), value);

    public static string InvalidDealId(string value) => Format(nameof(InvalidDealId), value);
}
