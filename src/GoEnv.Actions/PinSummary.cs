using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GoEnv.Core.Caching;
using GoEnv.Core.Pinning;

namespace GoEnv.Actions;

/// <summary>`pin --summary json`: what was pinned and the cache keys, for scripts (values are in the env file itself).</summary>
internal static class PinSummary
{
    public static string Json(string envFile, PinnedEnvironment environment, IReadOnlyList<string> notes, CacheKeys keys, CachePlan cache)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("envFile", envFile);
            json.WriteString("goVersion", environment.GoVersion);
            json.WriteString("sha256", environment.ContentHash());
            WriteList(json, "variables", environment.Variables.Keys);
            WriteList(json, "notes", notes);
            json.WriteStartObject("cacheKeys");
            json.WriteString("modules", keys.Modules);
            WriteList(json, "modulesRestoreKeys", keys.ModulesRestoreKeys);
            json.WriteString("build", keys.Build);
            WriteList(json, "buildRestoreKeys", keys.BuildRestoreKeys);
            json.WriteEndObject();
            json.WriteStartObject("cache");
            json.WriteBoolean("modules", cache.Modules);
            json.WriteBoolean("build", cache.Build);
            json.WriteBoolean("save", cache.Save);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }
}
