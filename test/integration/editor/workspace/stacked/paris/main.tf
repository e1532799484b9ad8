provider "aws" {
  region = "eu-west-3"
}

module "bucket" {
  source = "../modules/bucket"
  name   = "paris"
}
