// Host implementation of nanoFramework.TestFramework 3.0.77; see Attributes.cs.
// Like the original, attribute types are compared exactly (a derived attribute does not count).
namespace nanoFramework.TestFramework
{
    /// <summary>Shared by the launcher and the test adapter so both name and run the same cases.</summary>
    public static class Helper
    {
        /// <summary>
        /// A method carrying both [TestMethod] and [DataRow] runs once per data row only: returns the
        /// attributes without the TestMethodAttribute in that case, else the same array.
        /// </summary>
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            bool hasTestMethod = false;
            bool hasDataRow = false;
            for (int i = 0; i < attribs.Length; i++)
            {
                hasTestMethod |= attribs[i].GetType() == typeof(TestMethodAttribute);
                hasDataRow |= attribs[i].GetType() == typeof(DataRowAttribute);
            }

            if (!hasTestMethod || !hasDataRow)
            {
                return attribs;
            }

            int kept = 0;
            for (int i = 0; i < attribs.Length; i++)
            {
                if (attribs[i].GetType() != typeof(TestMethodAttribute))
                {
                    kept++;
                }
            }

            object[] withoutTestMethod = new object[kept];
            int index = 0;
            for (int i = 0; i < attribs.Length; i++)
            {
                if (attribs[i].GetType() != typeof(TestMethodAttribute))
                {
                    withoutTestMethod[index++] = attribs[i];
                }
            }

            return withoutTestMethod;
        }
    }
}
