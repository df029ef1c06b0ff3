// The facet column: rebuilt from the value slot when out of step, written
// around a commit, read by document id only while in step.
#include "byline/facet_column.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <memory>
#include <string>

#include "byline/schema.h"
#include "support/test_support.h"

namespace byline {
namespace {

Xapian::Document WithValue(const std::string& value,
                           const std::string& copy_key = "") {
  Xapian::Document doc;
  doc.add_term("Zx");
  if (!value.empty()) doc.add_value(schema::kSlotFacets, value);
  if (!copy_key.empty()) doc.add_value(schema::kSlotPassageCopyKey, copy_key);
  return doc;
}

TEST(FacetColumnTest, RebuiltFromTheValuesThenKeptInStepAroundCommits) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  const std::string a = schema::EncodeFacetValue(0, {4, 9});
  const std::string c = schema::EncodeFacetValue(2, {1});
  db.add_document(WithValue(a, "g1:abc"));
  db.add_document(WithValue("", "g1:def"));
  db.add_document(WithValue(c));
  db.commit();
  // No column yet: none to read.
  EXPECT_EQ(FacetColumnReader::Open(path), nullptr);

  std::unique_ptr<FacetColumnWriter> writer;
  ASSERT_TRUE(FacetColumnWriter::Open(path, db, &writer).ok());
  {
    const auto column = FacetColumnReader::Open(path);
    ASSERT_NE(column, nullptr);
    EXPECT_TRUE(column->InStep(db.get_revision()));
    EXPECT_FALSE(column->InStep(db.get_revision() + 1));
    EXPECT_EQ(column->Get(1), a);
    EXPECT_EQ(column->Get(2), "");
    EXPECT_EQ(column->Get(3), c);
    EXPECT_EQ(column->Get(4), "");  // past the end
    EXPECT_EQ(column->Get(0), "");
    // Copy keys, rebuilt from their slot too, also where facets are none.
    ASSERT_TRUE(column->HasCopyKeys());
    EXPECT_EQ(column->CopyKey(1), schema::CopyKeyHash("g1:abc"));
    EXPECT_EQ(column->CopyKey(2), schema::CopyKeyHash("g1:def"));
    EXPECT_NE(column->CopyKey(1), column->CopyKey(2));
    EXPECT_EQ(column->CopyKey(3), 0u);
    EXPECT_EQ(column->CopyKey(4), 0u);
  }

  // A new document and a replaced one: out of step between the column's
  // writes and the commit, in step after.
  const std::string d = schema::EncodeFacetValue(0, {8});
  const std::string a2 = schema::EncodeFacetValue(0, {12});
  const Xapian::docid did = db.add_document(WithValue(d, "g2:abc"));
  db.replace_document(1, WithValue(a2, "g2:xyz"));
  writer->Put(did, d, schema::CopyKeyHash("g2:abc"));
  writer->Put(1, a2, schema::CopyKeyHash("g2:xyz"));
  ASSERT_TRUE(writer->BeforeCommit().ok());
  const Xapian::rev before = db.get_revision();
  EXPECT_FALSE(FacetColumnReader::Open(path)->InStep(before));
  db.commit();
  ASSERT_TRUE(writer->AfterCommit(db.get_revision()).ok());
  const auto column = FacetColumnReader::Open(path);
  EXPECT_TRUE(column->InStep(db.get_revision()));
  EXPECT_EQ(column->Get(1), a2);
  EXPECT_EQ(column->Get(3), c);
  EXPECT_EQ(column->Get(did), d);
  EXPECT_EQ(column->CopyKey(1), schema::CopyKeyHash("g2:xyz"));
  EXPECT_EQ(column->CopyKey(did), schema::CopyKeyHash("g2:abc"));
  writer.reset();

  // Out of step (a commit the column did not see): rebuilt on open.
  db.add_document(WithValue(a));
  db.commit();
  EXPECT_FALSE(FacetColumnReader::Open(path)->InStep(db.get_revision()));
  ASSERT_TRUE(FacetColumnWriter::Open(path, db, &writer).ok());
  const auto rebuilt = FacetColumnReader::Open(path);
  EXPECT_TRUE(rebuilt->InStep(db.get_revision()));
  EXPECT_EQ(rebuilt->Get(1), a2);
  EXPECT_EQ(rebuilt->Get(5), a);
  EXPECT_EQ(rebuilt->CopyKey(1), schema::CopyKeyHash("g2:xyz"));
  EXPECT_EQ(rebuilt->CopyKey(2), schema::CopyKeyHash("g1:def"));
}

TEST(FacetColumnTest, CopyKeyHashIsStableAndZeroOnlyForNone) {
  EXPECT_EQ(schema::CopyKeyHash(""), 0u);
  // FNV-1a 64 of "a": the hash is stored, so it must not change.
  EXPECT_EQ(schema::CopyKeyHash("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_NE(schema::CopyKeyHash("g:1"), schema::CopyKeyHash("g:2"));
}

}  // namespace
}  // namespace byline
