namespace CrmKit.Cli.Resources;

// The messages of crmkit files.
internal static partial class CliMessages
{
    public static string FilesInvalidInterval => Get(nameof(FilesInvalidInterval));

    public static string FilesProgress(long moved, long total, long failed) => string.Format(Culture, Get(nameof(FilesProgress)), moved, total, failed);

    public static string FilesSummary(string to, string state, long moved, long total, long failed) =>
        string.Format(Culture, Get(nameof(FilesSummary)), to, state, moved, total, failed);

    public static string FilesSourceLeft(string count) => string.Format(Culture, Get(nameof(FilesSourceLeft)), count);
}
