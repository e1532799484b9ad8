param location string = 'westeurope'

resource docs 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'calensparams'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
}
