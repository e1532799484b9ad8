provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "a" {
  bucket = "a"
}

# Holds no customer data: counted apart ("+1 info"), not in the headline.
resource "aws_security_group" "web" {
  name = "web"
}
