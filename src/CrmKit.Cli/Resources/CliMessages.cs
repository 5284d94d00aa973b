using System.Globalization;
using System.Resources;

namespace CrmKit.Cli.Resources;

/// <summary>
/// The messages crmkit itself prints (errors, summaries, table headers), read from <c>CliMessages.resx</c> (English)
/// and <c>CliMessages.ru.resx</c>. Each member is named after its resource key. The language is
/// <see cref="Culture"/>, which <see cref="CrmCli"/> sets from <c>--lang</c> or <c>CRMKIT_LANG</c> for one run.
/// The messages of the security commands are in <c>CliMessages.Security.cs</c>.
/// </summary>
internal static partial class CliMessages
{
    /// <summary>The languages crmkit speaks; the first is the default.</summary>
    public static readonly string[] Languages = ["en", "ru"];

    private static readonly ResourceManager Resources =
        new("CrmKit.Cli.Resources.CliMessages", typeof(CliMessages).Assembly);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    // Async-local so that concurrent runs in one process (the tests) each keep their own language.
    private static readonly AsyncLocal<CultureInfo?> CurrentCulture = new();

    /// <summary>The language of the messages; English unless a run chose another.</summary>
    public static CultureInfo Culture
    {
        get => CurrentCulture.Value ?? English;
        set => CurrentCulture.Value = value;
    }

    public static string Error(string message) => Format(nameof(Error), message);

    public static string RunHelpForUsage(string commandPath) => Format(nameof(RunHelpForUsage), commandPath);

    public static string Cancelled => Get(nameof(Cancelled));

    public static string UnusableAnswer(string reason) => Format(nameof(UnusableAnswer), reason);

    public static string ServerNotHttpUrl(string server) => Format(nameof(ServerNotHttpUrl), server);

    public static string CannotReachServer(Uri server, string reason) => Format(nameof(CannotReachServer), server, reason);

    public static string ConnectionBroke(Uri server, string reason) => Format(nameof(ConnectionBroke), server, reason);

    public static string AnswerNotJson(Uri server, HttpMethod method, string path) =>
        Format(nameof(AnswerNotJson), server, method, path);

    public static string ServerTimedOut(Uri server, double seconds) => Format(nameof(ServerTimedOut), server, seconds);

    public static string ReasonConnectionRefused => Get(nameof(ReasonConnectionRefused));

    public static string ReasonHostNotFound => Get(nameof(ReasonHostNotFound));

    public static string ReasonConnectionTimedOut => Get(nameof(ReasonConnectionTimedOut));

    public static string EndlessPages(Uri server, string cursor, int maxPages) =>
        Format(nameof(EndlessPages), server, cursor, maxPages);

    public static string JsonNullInput(string option) => Format(nameof(JsonNullInput), option);

    public static string InvalidJsonInput(string option, string source, string reason) =>
        Format(nameof(InvalidJsonInput), option, source, reason);

    public static string SourceStandardInput => Get(nameof(SourceStandardInput));

    public static string SourceTheValue => Get(nameof(SourceTheValue));

    public static string InputNotObject(string option) => Format(nameof(InputNotObject), option);

    public static string CannotReadFile(string option, string path, string reason) =>
        Format(nameof(CannotReadFile), option, path, reason);

    public static string ProblemHeader(string code, string title) => Format(nameof(ProblemHeader), code, title);

    public static string ViolationsCount(long count) => Format(nameof(ViolationsCount), count);

    public static string ViolationsAll(long count) => Format(nameof(ViolationsAll), count);

    public static string ViolationsFirst(long count, int shown) => Format(nameof(ViolationsFirst), count, shown);

    public static string ViolationsHint => Get(nameof(ViolationsHint));

    public static string ReferencesCount(string count, string? entity, string? field) =>
        Format(nameof(ReferencesCount), count, entity, field);

    public static string ReferencesSome => Get(nameof(ReferencesSome));

    public static string RecordNowAtVersion(long version) => Format(nameof(RecordNowAtVersion), version);

    public static string TraceId(string traceId) => Format(nameof(TraceId), traceId);

    public static string FieldAdded(string field, string entity, string version) =>
        Format(nameof(FieldAdded), field, entity, version);

    public static string FieldUpdated(string field, string entity, string version) =>
        Format(nameof(FieldUpdated), field, entity, version);

    public static string FieldRemoved(string field, string entity, string count, string archiveId) =>
        Format(nameof(FieldRemoved), field, entity, count, archiveId);

    public static string FieldRestoreHint(string path) => Format(nameof(FieldRestoreHint), path);

    public static string NothingToChange => Get(nameof(NothingToChange));

    public static string MaxLengthNegative => Get(nameof(MaxLengthNegative));

    public static string OptionsEmpty => Get(nameof(OptionsEmpty));

    public static string DataNotObjectOrArray => Get(nameof(DataNotObjectOrArray));

    public static string MessageSentNoOutput(string message) => Format(nameof(MessageSentNoOutput), message);

    public static string RecordsCreated(int count) => Format(nameof(RecordsCreated), count);

    public static string RecordDeleted(string entity, string id) => Format(nameof(RecordDeleted), entity, id);

    public static string RecordCount(int shown) => Format(nameof(RecordCount), shown);

    public static string RecordCountOfTotal(int shown, string total) => Format(nameof(RecordCountOfTotal), shown, total);

    public static string MoreWithAfter(string cursor) => Format(nameof(MoreWithAfter), cursor);

    public static string PluginNowInState(string id, string state) => Format(nameof(PluginNowInState), id, state);

    public static string PluginNotInState(string id, string state, string reason) =>
        Format(nameof(PluginNotInState), id, state, reason);

    public static string ListHeading(string name, int count) => Format(nameof(ListHeading), name, count);

    public static string Yes => Get(nameof(Yes));

    public static string No => Get(nameof(No));

    public static string HeaderName => Get(nameof(HeaderName));

    public static string HeaderLabel => Get(nameof(HeaderLabel));

    public static string HeaderPluralLabel => Get(nameof(HeaderPluralLabel));

    public static string HeaderFields => Get(nameof(HeaderFields));

    public static string HeaderVersion => Get(nameof(HeaderVersion));

    public static string HeaderOwner => Get(nameof(HeaderOwner));

    public static string HeaderEntity => Get(nameof(HeaderEntity));

    public static string HeaderType => Get(nameof(HeaderType));

    public static string HeaderRequired => Get(nameof(HeaderRequired));

    public static string HeaderIndexed => Get(nameof(HeaderIndexed));

    public static string HeaderUnique => Get(nameof(HeaderUnique));

    public static string HeaderChangedAt => Get(nameof(HeaderChangedAt));

    public static string HeaderChangedBy => Get(nameof(HeaderChangedBy));

    public static string HeaderChanges => Get(nameof(HeaderChanges));

    public static string HeaderField => Get(nameof(HeaderField));

    public static string HeaderValue => Get(nameof(HeaderValue));

    public static string HeaderId => Get(nameof(HeaderId));

    public static string HeaderState => Get(nameof(HeaderState));

    public static string HeaderIndex => Get(nameof(HeaderIndex));

    public static string HeaderProgress => Get(nameof(HeaderProgress));

    public static string EntityIndexesDescription => Get(nameof(EntityIndexesDescription));

    public static string HeaderReason => Get(nameof(HeaderReason));

    public static string HeaderDescription => Get(nameof(HeaderDescription));

    public static string HeaderSource => Get(nameof(HeaderSource));

    public static string HeaderSdkRange => Get(nameof(HeaderSdkRange));

    public static string HeaderDependencies => Get(nameof(HeaderDependencies));

    public static string HeaderRegistered => Get(nameof(HeaderRegistered));

    public static string HeaderLocale => Get(nameof(HeaderLocale));

    public static string HeaderKind => Get(nameof(HeaderKind));

    public static string HeaderUpdatedAt => Get(nameof(HeaderUpdatedAt));

    public static string HeaderUpdatedBy => Get(nameof(HeaderUpdatedBy));

    public static string TemplateSaved(string name, string locale, string version) =>
        Format(nameof(TemplateSaved), name, locale, version);

    public static string TemplateDeleted(string name) => Format(nameof(TemplateDeleted), name);

    public static string TemplateDeletedLocale(string name, string locale) => Format(nameof(TemplateDeletedLocale), name, locale);

    public static string OutboxHeaderKind => Get(nameof(OutboxHeaderKind));

    public static string OutboxHeaderAttempts => Get(nameof(OutboxHeaderAttempts));

    public static string OutboxHeaderDueAt => Get(nameof(OutboxHeaderDueAt));

    public static string OutboxHeaderLastError => Get(nameof(OutboxHeaderLastError));

    public static string OutboxHeaderCreatedAt => Get(nameof(OutboxHeaderCreatedAt));

    public static string OutboxHeaderFinishedAt => Get(nameof(OutboxHeaderFinishedAt));

    public static string OutboxHeaderNote => Get(nameof(OutboxHeaderNote));

    public static string OutboxHeaderPayload => Get(nameof(OutboxHeaderPayload));

    public static string OutboxHeaderIdempotencyKey => Get(nameof(OutboxHeaderIdempotencyKey));

    public static string OutboxHeaderCorrelationId => Get(nameof(OutboxHeaderCorrelationId));

    public static string OutboxHeaderOwner => Get(nameof(OutboxHeaderOwner));

    public static string OutboxCounts(long pending, long running, long done, long dead) =>
        Format(nameof(OutboxCounts), pending, running, done, dead);

    public static string OutboxMoreWithAfter(string id) => Format(nameof(OutboxMoreWithAfter), id);

    public static string OutboxJobRequeued(string id, string state) => Format(nameof(OutboxJobRequeued), id, state);

    /// <summary>The message <paramref name="key"/> in <see cref="Culture"/>.</summary>
    /// <exception cref="InvalidOperationException">No resource has that key (a build error, caught by the tests).</exception>
    public static string Get(string key) =>
        Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"No CLI message '{key}'.");

    private static string Format(string key, params object?[] args) => string.Format(Culture, Get(key), args);
}
