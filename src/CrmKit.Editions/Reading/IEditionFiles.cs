namespace CrmKit.Editions.Reading;

/// <summary>The files of an edition: a project folder or the <c>edition/</c> folder of a package.</summary>
internal interface IEditionFiles
{
    /// <summary>Where the files come from, for messages.</summary>
    string Origin { get; }

    /// <summary>Every file, as a relative path with forward slashes.</summary>
    IReadOnlyList<string> List();

    /// <summary>Reads a file as UTF-8 text, or returns null when it does not exist.</summary>
    string? ReadText(string path);
}
