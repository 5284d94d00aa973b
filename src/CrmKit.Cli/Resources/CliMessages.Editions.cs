namespace CrmKit.Cli.Resources;

/// <content>The messages of <c>crmkit edition</c>.</content>
internal static partial class CliMessages
{
    public static string EditionPacked(string id, string version, string path) => Format(nameof(EditionPacked), id, version, path);

    public static string EditionInvalid(int count) => Format(nameof(EditionInvalid), count);

    public static string EditionProblemLine(string code, string file, string path, string message) => Format(nameof(EditionProblemLine), code, file, path, message);

    public static string EditionUpToDate(string id, string version) => Format(nameof(EditionUpToDate), id, version);

    public static string EditionApplied(string id, string version) => Format(nameof(EditionApplied), id, version);

    public static string EditionCannotApply(int count) => Format(nameof(EditionCannotApply), count);

    public static string EditionPlanHeading(string id, string from, string to) => Format(nameof(EditionPlanHeading), id, from, to);

    public static string EditionSection(string name, int count) => Format(nameof(EditionSection), name, count);

    public static string EditionNone => Get(nameof(EditionNone));

    public static string EditionBadReference(string value) => Format(nameof(EditionBadReference), value);
}
