namespace CrmKit.Core.Settings;

/// <summary>The stable codes of module-settings failures.</summary>
public static class SettingsErrorCodes
{
    /// <summary>The values break the settings schema (400); each error names a violation and its JSON pointer.</summary>
    public const string Invalid = "settings.invalid";

    /// <summary>The settings were saved by someone else since the caller read them (409).</summary>
    public const string VersionConflict = "settings.version_conflict";

    /// <summary>No module or plugin with that id declares settings (404).</summary>
    public const string ModuleNotFound = "settings.module_not_found";

    /// <summary>A settings schema uses something the validator does not support.</summary>
    public const string InvalidSchema = "settings.invalid_schema";

    /// <summary>A value names a property the schema does not allow (an error inside <see cref="Invalid"/>).</summary>
    public const string UnknownProperty = "settings.unknown_property";
}
