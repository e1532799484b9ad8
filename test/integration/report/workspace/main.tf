provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "invoices" {
  bucket = "invoices"
}

resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"
}
