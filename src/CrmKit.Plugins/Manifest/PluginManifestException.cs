using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Manifest;

/// <summary>
/// A plugin manifest that cannot be used: missing, unreadable, malformed or invalid. <see cref="CrmException.Code"/>
/// is one of the <c>plugin.manifest_*</c> codes in <see cref="PluginErrorCodes"/>; <see cref="FilePath"/> and
/// <see cref="JsonPath"/> say where the problem is. <see cref="CrmException.Errors"/> holds one entry whose pointer is
/// the same location as a JSON pointer.
/// </summary>
public sealed class PluginManifestException : CrmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="code">A <c>plugin.manifest_*</c> code from <see cref="PluginErrorCodes"/>.</param>
    /// <param name="message">The precise English description of the problem.</param>
    /// <param name="filePath">The full path of the manifest file.</param>
    /// <param name="jsonPath">The JSONPath of the offending member, such as <c>$.dependencies['acme.base']</c>; <c>$</c> for the whole document.</param>
    /// <param name="jsonPointer">The same location as a JSON pointer (RFC 6901); empty for the whole document.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PluginManifestException(
        string code,
        string message,
        string filePath,
        string jsonPath,
        string jsonPointer,
        Exception? innerException = null)
        : base(
            CrmErrorKind.Validation,
            code,
            LocalizedText.Of(message),
            [new CrmError(code, jsonPointer ?? string.Empty, LocalizedText.Of(message))],
            innerException)
    {
        FilePath = filePath ?? string.Empty;
        JsonPath = jsonPath ?? "$";
    }

    /// <summary>The full path of the manifest file.</summary>
    public string FilePath { get; }

    /// <summary>The JSONPath of the offending member, such as <c>$.version</c> or <c>$.provides[1]</c>; <c>$</c> for the whole document.</summary>
    public string JsonPath { get; }
}
