// Declaration stub of nanoFramework.Json 2.2.203 for the compatibility gate.
namespace nanoFramework.Json
{
    public static class JsonConvert
    {
        public static object DeserializeObject(string value, System.Type type) { throw null; }
    }
}
