using System.Text.Json;
using NuGet.Versioning;

namespace CrmKit.Plugins.Manifest;

public static partial class PluginManifestReader
{
    /// <summary>Validates one manifest document member by member, failing on the first problem with its location.</summary>
    private sealed class ManifestParser(string filePath)
    {
        private string? _id;
        private NuGetVersion? _version;
        private VersionRange? _sdk;
        private string? _displayName;
        private string? _description;
        private readonly List<(PluginDependency Dependency, ManifestLocation At)> _dependencies = [];
        private List<string> _provides = [];
        private List<string> _replaces = [];
        private List<string> _decorates = [];
        private string? _assembly;

        public PluginManifest Parse(JsonElement root)
        {
            var at = ManifestLocation.Root;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail(PluginErrorCodes.ManifestInvalid, PluginMessages.WrongType(at.JsonPath, "an object"), filePath, at);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                var memberAt = at.Member(member.Name);
                if (!seen.Add(member.Name))
                {
                    throw Fail(PluginErrorCodes.ManifestInvalid, PluginMessages.DuplicateMember(memberAt.JsonPath), filePath, memberAt);
                }

                ReadMember(member, memberAt);
            }

            if (_id is null)
            {
                throw Required(at.Member("id"));
            }

            if (_version is null)
            {
                throw Required(at.Member("version"));
            }

            if (_sdk is null)
            {
                throw Required(at.Member("sdk"));
            }

            var self = _dependencies.FindIndex(d => d.Dependency.Id == _id);
            if (self >= 0)
            {
                throw Fail(PluginErrorCodes.ManifestInvalid, PluginMessages.SelfDependency(_id), filePath, _dependencies[self].At);
            }

            for (var i = 0; i < _replaces.Count; i++)
            {
                if (!_provides.Contains(_replaces[i], StringComparer.Ordinal))
                {
                    var replaceAt = at.Member("replaces").Index(i);
                    throw Fail(PluginErrorCodes.ManifestInvalidName, PluginMessages.ReplacesNotProvided(_replaces[i], replaceAt.JsonPath), filePath, replaceAt);
                }
            }

            for (var i = 0; i < _decorates.Count; i++)
            {
                if (!_provides.Contains(_decorates[i], StringComparer.Ordinal))
                {
                    var decorateAt = at.Member("decorates").Index(i);
                    throw Fail(PluginErrorCodes.ManifestInvalidName, PluginMessages.DecoratesNotProvided(_decorates[i], decorateAt.JsonPath), filePath, decorateAt);
                }
            }

            return new PluginManifest(_id, _version, _sdk)
            {
                DisplayName = _displayName ?? _id,
                Description = _description ?? string.Empty,
                Dependencies = [.. _dependencies.Select(d => d.Dependency)],
                Provides = _provides,
                Replaces = _replaces,
                Decorates = _decorates,
                EntryAssembly = _assembly,
            };
        }

        private void ReadMember(JsonProperty member, ManifestLocation at)
        {
            switch (member.Name)
            {
                case "$schema":
                    break;
                case "id":
                    _id = ReadId(member.Value, at);
                    break;
                case "version":
                    var version = ReadString(member.Value, at);
                    _version = NuGetVersion.TryParseStrict(version, out var parsed)
                        ? parsed
                        : throw Fail(PluginErrorCodes.ManifestInvalidVersion, PluginMessages.InvalidVersion(version, at.JsonPath), filePath, at);
                    break;
                case "displayName":
                    _displayName = ReadString(member.Value, at);
                    break;
                case "description":
                    _description = ReadString(member.Value, at);
                    break;
                case "sdk":
                    _sdk = ReadRange(member.Value, at);
                    break;
                case "dependencies":
                    ReadDependencies(member.Value, at);
                    break;
                case "provides":
                    _provides = ReadNames(member.Value, at);
                    break;
                case "replaces":
                    _replaces = ReadNames(member.Value, at);
                    break;
                case "decorates":
                    _decorates = ReadNames(member.Value, at);
                    break;
                case "assembly":
                    var assembly = ReadString(member.Value, at);
                    _assembly = PluginManifest.IsValidEntryAssembly(assembly)
                        ? assembly
                        : throw Fail(PluginErrorCodes.ManifestInvalidAssembly, PluginMessages.InvalidEntryAssemblyAt(assembly, at.JsonPath), filePath, at);
                    break;
                default:
                    throw Fail(PluginErrorCodes.ManifestUnknownMember, PluginMessages.UnknownMember(at.JsonPath), filePath, at);
            }
        }

        private void ReadDependencies(JsonElement value, ManifestLocation at)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Fail(PluginErrorCodes.ManifestInvalid, PluginMessages.WrongType(at.JsonPath, "an object mapping plugin ids to version ranges"), filePath, at);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in value.EnumerateObject())
            {
                var memberAt = at.Member(member.Name);
                if (!seen.Add(member.Name))
                {
                    throw Fail(PluginErrorCodes.ManifestInvalid, PluginMessages.DuplicateMember(memberAt.JsonPath), filePath, memberAt);
                }

                if (!PluginManifest.IsValidId(member.Name))
                {
                    throw Fail(PluginErrorCodes.ManifestInvalidId, PluginMessages.InvalidIdAt(member.Name, memberAt.JsonPath), filePath, memberAt);
                }

                _dependencies.Add((new PluginDependency(member.Name, ReadRange(member.Value, memberAt)), memberAt));
            }
        }

        private List<string> ReadNames(JsonElement value, ManifestLocation at)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Fail(PluginErrorCodes.ManifestInvalid, PluginMessages.WrongType(at.JsonPath, "an array of strings"), filePath, at);
            }

            var names = new List<string>();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemAt = at.Index(index++);
                var name = ReadString(item, itemAt);
                if (!PluginManifest.IsValidProvidedName(name))
                {
                    throw Fail(PluginErrorCodes.ManifestInvalidName, PluginMessages.InvalidProvidedNameAt(name, itemAt.JsonPath), filePath, itemAt);
                }

                if (names.Contains(name, StringComparer.Ordinal))
                {
                    throw Fail(PluginErrorCodes.ManifestInvalidName, PluginMessages.DuplicateProvidedName(name, itemAt.JsonPath), filePath, itemAt);
                }

                names.Add(name);
            }

            return names;
        }

        private string ReadId(JsonElement value, ManifestLocation at)
        {
            var id = ReadString(value, at);
            return PluginManifest.IsValidId(id)
                ? id
                : throw Fail(PluginErrorCodes.ManifestInvalidId, PluginMessages.InvalidIdAt(id, at.JsonPath), filePath, at);
        }

        private VersionRange ReadRange(JsonElement value, ManifestLocation at)
        {
            var text = ReadString(value, at);
            return !string.IsNullOrWhiteSpace(text) && VersionRange.TryParse(text, allowFloating: false, out var range)
                ? range
                : throw Fail(PluginErrorCodes.ManifestInvalidRange, PluginMessages.InvalidRange(text, at.JsonPath), filePath, at);
        }

        private string ReadString(JsonElement value, ManifestLocation at) =>
            value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw Fail(PluginErrorCodes.ManifestInvalid, PluginMessages.WrongType(at.JsonPath, "a string"), filePath, at);

        private PluginManifestException Required(ManifestLocation at) =>
            Fail(PluginErrorCodes.ManifestRequired, PluginMessages.Required(at.JsonPath), filePath, at);
    }
}
